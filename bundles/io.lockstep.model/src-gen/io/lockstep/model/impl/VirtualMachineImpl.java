/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.impl;

import io.lockstep.model.Checkpoint;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.Nic;
import io.lockstep.model.PowerState;
import io.lockstep.model.SanIdentity;
import io.lockstep.model.VirtualDisk;
import io.lockstep.model.VirtualMachine;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.EObjectResolvingEList;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Virtual Machine</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.impl.VirtualMachineImpl#getVcpus <em>Vcpus</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualMachineImpl#getMemoryMiB <em>Memory Mi B</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualMachineImpl#getGuest <em>Guest</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualMachineImpl#getDisks <em>Disks</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualMachineImpl#getNics <em>Nics</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualMachineImpl#getSanIdentity <em>San Identity</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualMachineImpl#getPowerState <em>Power State</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualMachineImpl#getCurrentHost <em>Current Host</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualMachineImpl#getCheckpoints <em>Checkpoints</em>}</li>
 * </ul>
 *
 * @generated
 */
public class VirtualMachineImpl extends NamedImpl implements VirtualMachine {
	/**
	 * The default value of the '{@link #getVcpus() <em>Vcpus</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getVcpus()
	 * @generated
	 * @ordered
	 */
	protected static final int VCPUS_EDEFAULT = 1;

	/**
	 * The cached value of the '{@link #getVcpus() <em>Vcpus</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getVcpus()
	 * @generated
	 * @ordered
	 */
	protected int vcpus = VCPUS_EDEFAULT;

	/**
	 * The default value of the '{@link #getMemoryMiB() <em>Memory Mi B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMemoryMiB()
	 * @generated
	 * @ordered
	 */
	protected static final long MEMORY_MI_B_EDEFAULT = 64L;

	/**
	 * The cached value of the '{@link #getMemoryMiB() <em>Memory Mi B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMemoryMiB()
	 * @generated
	 * @ordered
	 */
	protected long memoryMiB = MEMORY_MI_B_EDEFAULT;

	/**
	 * The default value of the '{@link #getGuest() <em>Guest</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGuest()
	 * @generated
	 * @ordered
	 */
	protected static final String GUEST_EDEFAULT = "kv";

	/**
	 * The cached value of the '{@link #getGuest() <em>Guest</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGuest()
	 * @generated
	 * @ordered
	 */
	protected String guest = GUEST_EDEFAULT;

	/**
	 * The cached value of the '{@link #getDisks() <em>Disks</em>}' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDisks()
	 * @generated
	 * @ordered
	 */
	protected EList<VirtualDisk> disks;

	/**
	 * The cached value of the '{@link #getNics() <em>Nics</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getNics()
	 * @generated
	 * @ordered
	 */
	protected EList<Nic> nics;

	/**
	 * The cached value of the '{@link #getSanIdentity() <em>San Identity</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSanIdentity()
	 * @generated
	 * @ordered
	 */
	protected SanIdentity sanIdentity;

	/**
	 * The default value of the '{@link #getPowerState() <em>Power State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPowerState()
	 * @generated
	 * @ordered
	 */
	protected static final PowerState POWER_STATE_EDEFAULT = PowerState.POWERED_OFF;

	/**
	 * The cached value of the '{@link #getPowerState() <em>Power State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getPowerState()
	 * @generated
	 * @ordered
	 */
	protected PowerState powerState = POWER_STATE_EDEFAULT;

	/**
	 * The cached value of the '{@link #getCurrentHost() <em>Current Host</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCurrentHost()
	 * @generated
	 * @ordered
	 */
	protected Host currentHost;

	/**
	 * The cached value of the '{@link #getCheckpoints() <em>Checkpoints</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCheckpoints()
	 * @generated
	 * @ordered
	 */
	protected EList<Checkpoint> checkpoints;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected VirtualMachineImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LockstepPackage.Literals.VIRTUAL_MACHINE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getVcpus() {
		return vcpus;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setVcpus(int newVcpus) {
		int oldVcpus = vcpus;
		vcpus = newVcpus;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_MACHINE__VCPUS, oldVcpus, vcpus));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getMemoryMiB() {
		return memoryMiB;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMemoryMiB(long newMemoryMiB) {
		long oldMemoryMiB = memoryMiB;
		memoryMiB = newMemoryMiB;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_MACHINE__MEMORY_MI_B, oldMemoryMiB, memoryMiB));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getGuest() {
		return guest;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGuest(String newGuest) {
		String oldGuest = guest;
		guest = newGuest;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_MACHINE__GUEST, oldGuest, guest));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<VirtualDisk> getDisks() {
		if (disks == null) {
			disks = new EObjectResolvingEList<VirtualDisk>(VirtualDisk.class, this, LockstepPackage.VIRTUAL_MACHINE__DISKS);
		}
		return disks;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Nic> getNics() {
		if (nics == null) {
			nics = new EObjectContainmentEList<Nic>(Nic.class, this, LockstepPackage.VIRTUAL_MACHINE__NICS);
		}
		return nics;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public SanIdentity getSanIdentity() {
		return sanIdentity;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetSanIdentity(SanIdentity newSanIdentity, NotificationChain msgs) {
		SanIdentity oldSanIdentity = sanIdentity;
		sanIdentity = newSanIdentity;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_MACHINE__SAN_IDENTITY, oldSanIdentity, newSanIdentity);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSanIdentity(SanIdentity newSanIdentity) {
		if (newSanIdentity != sanIdentity) {
			NotificationChain msgs = null;
			if (sanIdentity != null)
				msgs = ((InternalEObject)sanIdentity).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - LockstepPackage.VIRTUAL_MACHINE__SAN_IDENTITY, null, msgs);
			if (newSanIdentity != null)
				msgs = ((InternalEObject)newSanIdentity).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - LockstepPackage.VIRTUAL_MACHINE__SAN_IDENTITY, null, msgs);
			msgs = basicSetSanIdentity(newSanIdentity, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_MACHINE__SAN_IDENTITY, newSanIdentity, newSanIdentity));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public PowerState getPowerState() {
		return powerState;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setPowerState(PowerState newPowerState) {
		PowerState oldPowerState = powerState;
		powerState = newPowerState == null ? POWER_STATE_EDEFAULT : newPowerState;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_MACHINE__POWER_STATE, oldPowerState, powerState));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Host getCurrentHost() {
		if (currentHost != null && currentHost.eIsProxy()) {
			InternalEObject oldCurrentHost = (InternalEObject)currentHost;
			currentHost = (Host)eResolveProxy(oldCurrentHost);
			if (currentHost != oldCurrentHost) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, LockstepPackage.VIRTUAL_MACHINE__CURRENT_HOST, oldCurrentHost, currentHost));
			}
		}
		return currentHost;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Host basicGetCurrentHost() {
		return currentHost;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetCurrentHost(Host newCurrentHost, NotificationChain msgs) {
		Host oldCurrentHost = currentHost;
		currentHost = newCurrentHost;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_MACHINE__CURRENT_HOST, oldCurrentHost, newCurrentHost);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCurrentHost(Host newCurrentHost) {
		if (newCurrentHost != currentHost) {
			NotificationChain msgs = null;
			if (currentHost != null)
				msgs = ((InternalEObject)currentHost).eInverseRemove(this, LockstepPackage.HOST__VMS, Host.class, msgs);
			if (newCurrentHost != null)
				msgs = ((InternalEObject)newCurrentHost).eInverseAdd(this, LockstepPackage.HOST__VMS, Host.class, msgs);
			msgs = basicSetCurrentHost(newCurrentHost, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_MACHINE__CURRENT_HOST, newCurrentHost, newCurrentHost));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Checkpoint> getCheckpoints() {
		if (checkpoints == null) {
			checkpoints = new EObjectContainmentEList<Checkpoint>(Checkpoint.class, this, LockstepPackage.VIRTUAL_MACHINE__CHECKPOINTS);
		}
		return checkpoints;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseAdd(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_MACHINE__CURRENT_HOST:
				if (currentHost != null)
					msgs = ((InternalEObject)currentHost).eInverseRemove(this, LockstepPackage.HOST__VMS, Host.class, msgs);
				return basicSetCurrentHost((Host)otherEnd, msgs);
		}
		return super.eInverseAdd(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_MACHINE__NICS:
				return ((InternalEList<?>)getNics()).basicRemove(otherEnd, msgs);
			case LockstepPackage.VIRTUAL_MACHINE__SAN_IDENTITY:
				return basicSetSanIdentity(null, msgs);
			case LockstepPackage.VIRTUAL_MACHINE__CURRENT_HOST:
				return basicSetCurrentHost(null, msgs);
			case LockstepPackage.VIRTUAL_MACHINE__CHECKPOINTS:
				return ((InternalEList<?>)getCheckpoints()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_MACHINE__VCPUS:
				return getVcpus();
			case LockstepPackage.VIRTUAL_MACHINE__MEMORY_MI_B:
				return getMemoryMiB();
			case LockstepPackage.VIRTUAL_MACHINE__GUEST:
				return getGuest();
			case LockstepPackage.VIRTUAL_MACHINE__DISKS:
				return getDisks();
			case LockstepPackage.VIRTUAL_MACHINE__NICS:
				return getNics();
			case LockstepPackage.VIRTUAL_MACHINE__SAN_IDENTITY:
				return getSanIdentity();
			case LockstepPackage.VIRTUAL_MACHINE__POWER_STATE:
				return getPowerState();
			case LockstepPackage.VIRTUAL_MACHINE__CURRENT_HOST:
				if (resolve) return getCurrentHost();
				return basicGetCurrentHost();
			case LockstepPackage.VIRTUAL_MACHINE__CHECKPOINTS:
				return getCheckpoints();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_MACHINE__VCPUS:
				setVcpus((Integer)newValue);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__MEMORY_MI_B:
				setMemoryMiB((Long)newValue);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__GUEST:
				setGuest((String)newValue);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__DISKS:
				getDisks().clear();
				getDisks().addAll((Collection<? extends VirtualDisk>)newValue);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__NICS:
				getNics().clear();
				getNics().addAll((Collection<? extends Nic>)newValue);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__SAN_IDENTITY:
				setSanIdentity((SanIdentity)newValue);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__POWER_STATE:
				setPowerState((PowerState)newValue);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__CURRENT_HOST:
				setCurrentHost((Host)newValue);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__CHECKPOINTS:
				getCheckpoints().clear();
				getCheckpoints().addAll((Collection<? extends Checkpoint>)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_MACHINE__VCPUS:
				setVcpus(VCPUS_EDEFAULT);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__MEMORY_MI_B:
				setMemoryMiB(MEMORY_MI_B_EDEFAULT);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__GUEST:
				setGuest(GUEST_EDEFAULT);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__DISKS:
				getDisks().clear();
				return;
			case LockstepPackage.VIRTUAL_MACHINE__NICS:
				getNics().clear();
				return;
			case LockstepPackage.VIRTUAL_MACHINE__SAN_IDENTITY:
				setSanIdentity((SanIdentity)null);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__POWER_STATE:
				setPowerState(POWER_STATE_EDEFAULT);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__CURRENT_HOST:
				setCurrentHost((Host)null);
				return;
			case LockstepPackage.VIRTUAL_MACHINE__CHECKPOINTS:
				getCheckpoints().clear();
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_MACHINE__VCPUS:
				return vcpus != VCPUS_EDEFAULT;
			case LockstepPackage.VIRTUAL_MACHINE__MEMORY_MI_B:
				return memoryMiB != MEMORY_MI_B_EDEFAULT;
			case LockstepPackage.VIRTUAL_MACHINE__GUEST:
				return GUEST_EDEFAULT == null ? guest != null : !GUEST_EDEFAULT.equals(guest);
			case LockstepPackage.VIRTUAL_MACHINE__DISKS:
				return disks != null && !disks.isEmpty();
			case LockstepPackage.VIRTUAL_MACHINE__NICS:
				return nics != null && !nics.isEmpty();
			case LockstepPackage.VIRTUAL_MACHINE__SAN_IDENTITY:
				return sanIdentity != null;
			case LockstepPackage.VIRTUAL_MACHINE__POWER_STATE:
				return powerState != POWER_STATE_EDEFAULT;
			case LockstepPackage.VIRTUAL_MACHINE__CURRENT_HOST:
				return currentHost != null;
			case LockstepPackage.VIRTUAL_MACHINE__CHECKPOINTS:
				return checkpoints != null && !checkpoints.isEmpty();
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (vcpus: ");
		result.append(vcpus);
		result.append(", memoryMiB: ");
		result.append(memoryMiB);
		result.append(", guest: ");
		result.append(guest);
		result.append(", powerState: ");
		result.append(powerState);
		result.append(')');
		return result.toString();
	}

} //VirtualMachineImpl
