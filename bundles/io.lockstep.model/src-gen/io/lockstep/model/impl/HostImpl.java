/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.impl;

import io.lockstep.model.ConnectionState;
import io.lockstep.model.Datastore;
import io.lockstep.model.Host;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.VirtualMachine;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.eclipse.emf.ecore.util.EObjectWithInverseResolvingEList;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Host</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.impl.HostImpl#getAddress <em>Address</em>}</li>
 *   <li>{@link io.lockstep.model.impl.HostImpl#getCpus <em>Cpus</em>}</li>
 *   <li>{@link io.lockstep.model.impl.HostImpl#getMemoryMiB <em>Memory Mi B</em>}</li>
 *   <li>{@link io.lockstep.model.impl.HostImpl#getConnectionState <em>Connection State</em>}</li>
 *   <li>{@link io.lockstep.model.impl.HostImpl#getHeartbeatSlot <em>Heartbeat Slot</em>}</li>
 *   <li>{@link io.lockstep.model.impl.HostImpl#getDatastores <em>Datastores</em>}</li>
 *   <li>{@link io.lockstep.model.impl.HostImpl#getVms <em>Vms</em>}</li>
 *   <li>{@link io.lockstep.model.impl.HostImpl#getCommittedMemoryMiB <em>Committed Memory Mi B</em>}</li>
 * </ul>
 *
 * @generated
 */
public class HostImpl extends NamedImpl implements Host {
	/**
	 * The default value of the '{@link #getAddress() <em>Address</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAddress()
	 * @generated
	 * @ordered
	 */
	protected static final String ADDRESS_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getAddress() <em>Address</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAddress()
	 * @generated
	 * @ordered
	 */
	protected String address = ADDRESS_EDEFAULT;

	/**
	 * The default value of the '{@link #getCpus() <em>Cpus</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCpus()
	 * @generated
	 * @ordered
	 */
	protected static final int CPUS_EDEFAULT = 2;

	/**
	 * The cached value of the '{@link #getCpus() <em>Cpus</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCpus()
	 * @generated
	 * @ordered
	 */
	protected int cpus = CPUS_EDEFAULT;

	/**
	 * The default value of the '{@link #getMemoryMiB() <em>Memory Mi B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMemoryMiB()
	 * @generated
	 * @ordered
	 */
	protected static final long MEMORY_MI_B_EDEFAULT = 4096L;

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
	 * The default value of the '{@link #getConnectionState() <em>Connection State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getConnectionState()
	 * @generated
	 * @ordered
	 */
	protected static final ConnectionState CONNECTION_STATE_EDEFAULT = ConnectionState.CONNECTED;

	/**
	 * The cached value of the '{@link #getConnectionState() <em>Connection State</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getConnectionState()
	 * @generated
	 * @ordered
	 */
	protected ConnectionState connectionState = CONNECTION_STATE_EDEFAULT;

	/**
	 * The default value of the '{@link #getHeartbeatSlot() <em>Heartbeat Slot</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHeartbeatSlot()
	 * @generated
	 * @ordered
	 */
	protected static final int HEARTBEAT_SLOT_EDEFAULT = -1;

	/**
	 * The cached value of the '{@link #getHeartbeatSlot() <em>Heartbeat Slot</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHeartbeatSlot()
	 * @generated
	 * @ordered
	 */
	protected int heartbeatSlot = HEARTBEAT_SLOT_EDEFAULT;

	/**
	 * The cached value of the '{@link #getDatastores() <em>Datastores</em>}' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDatastores()
	 * @generated
	 * @ordered
	 */
	protected EList<Datastore> datastores;

	/**
	 * The cached value of the '{@link #getVms() <em>Vms</em>}' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getVms()
	 * @generated
	 * @ordered
	 */
	protected EList<VirtualMachine> vms;

	/**
	 * The default value of the '{@link #getCommittedMemoryMiB() <em>Committed Memory Mi B</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCommittedMemoryMiB()
	 * @generated
	 * @ordered
	 */
	protected static final long COMMITTED_MEMORY_MI_B_EDEFAULT = 0L;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected HostImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LockstepPackage.Literals.HOST;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getAddress() {
		return address;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setAddress(String newAddress) {
		String oldAddress = address;
		address = newAddress;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.HOST__ADDRESS, oldAddress, address));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getCpus() {
		return cpus;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCpus(int newCpus) {
		int oldCpus = cpus;
		cpus = newCpus;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.HOST__CPUS, oldCpus, cpus));
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
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.HOST__MEMORY_MI_B, oldMemoryMiB, memoryMiB));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public ConnectionState getConnectionState() {
		return connectionState;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setConnectionState(ConnectionState newConnectionState) {
		ConnectionState oldConnectionState = connectionState;
		connectionState = newConnectionState == null ? CONNECTION_STATE_EDEFAULT : newConnectionState;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.HOST__CONNECTION_STATE, oldConnectionState, connectionState));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getHeartbeatSlot() {
		return heartbeatSlot;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setHeartbeatSlot(int newHeartbeatSlot) {
		int oldHeartbeatSlot = heartbeatSlot;
		heartbeatSlot = newHeartbeatSlot;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.HOST__HEARTBEAT_SLOT, oldHeartbeatSlot, heartbeatSlot));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Datastore> getDatastores() {
		if (datastores == null) {
			datastores = new EObjectWithInverseResolvingEList.ManyInverse<Datastore>(Datastore.class, this, LockstepPackage.HOST__DATASTORES, LockstepPackage.DATASTORE__HOSTS);
		}
		return datastores;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<VirtualMachine> getVms() {
		if (vms == null) {
			vms = new EObjectWithInverseResolvingEList<VirtualMachine>(VirtualMachine.class, this, LockstepPackage.HOST__VMS, LockstepPackage.VIRTUAL_MACHINE__CURRENT_HOST);
		}
		return vms;
	}

	/**
	 * <!-- begin-user-doc -->
	 * The memory of the VMs placed on this host that are not powered off.
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	@Override
	public long getCommittedMemoryMiB() {
		long sum = 0;
		for (io.lockstep.model.VirtualMachine vm : getVms()) {
			if (vm.getPowerState() != io.lockstep.model.PowerState.POWERED_OFF) {
				sum += vm.getMemoryMiB();
			}
		}
		return sum;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public NotificationChain eInverseAdd(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case LockstepPackage.HOST__DATASTORES:
				return ((InternalEList<InternalEObject>)(InternalEList<?>)getDatastores()).basicAdd(otherEnd, msgs);
			case LockstepPackage.HOST__VMS:
				return ((InternalEList<InternalEObject>)(InternalEList<?>)getVms()).basicAdd(otherEnd, msgs);
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
			case LockstepPackage.HOST__DATASTORES:
				return ((InternalEList<?>)getDatastores()).basicRemove(otherEnd, msgs);
			case LockstepPackage.HOST__VMS:
				return ((InternalEList<?>)getVms()).basicRemove(otherEnd, msgs);
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
			case LockstepPackage.HOST__ADDRESS:
				return getAddress();
			case LockstepPackage.HOST__CPUS:
				return getCpus();
			case LockstepPackage.HOST__MEMORY_MI_B:
				return getMemoryMiB();
			case LockstepPackage.HOST__CONNECTION_STATE:
				return getConnectionState();
			case LockstepPackage.HOST__HEARTBEAT_SLOT:
				return getHeartbeatSlot();
			case LockstepPackage.HOST__DATASTORES:
				return getDatastores();
			case LockstepPackage.HOST__VMS:
				return getVms();
			case LockstepPackage.HOST__COMMITTED_MEMORY_MI_B:
				return getCommittedMemoryMiB();
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
			case LockstepPackage.HOST__ADDRESS:
				setAddress((String)newValue);
				return;
			case LockstepPackage.HOST__CPUS:
				setCpus((Integer)newValue);
				return;
			case LockstepPackage.HOST__MEMORY_MI_B:
				setMemoryMiB((Long)newValue);
				return;
			case LockstepPackage.HOST__CONNECTION_STATE:
				setConnectionState((ConnectionState)newValue);
				return;
			case LockstepPackage.HOST__HEARTBEAT_SLOT:
				setHeartbeatSlot((Integer)newValue);
				return;
			case LockstepPackage.HOST__DATASTORES:
				getDatastores().clear();
				getDatastores().addAll((Collection<? extends Datastore>)newValue);
				return;
			case LockstepPackage.HOST__VMS:
				getVms().clear();
				getVms().addAll((Collection<? extends VirtualMachine>)newValue);
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
			case LockstepPackage.HOST__ADDRESS:
				setAddress(ADDRESS_EDEFAULT);
				return;
			case LockstepPackage.HOST__CPUS:
				setCpus(CPUS_EDEFAULT);
				return;
			case LockstepPackage.HOST__MEMORY_MI_B:
				setMemoryMiB(MEMORY_MI_B_EDEFAULT);
				return;
			case LockstepPackage.HOST__CONNECTION_STATE:
				setConnectionState(CONNECTION_STATE_EDEFAULT);
				return;
			case LockstepPackage.HOST__HEARTBEAT_SLOT:
				setHeartbeatSlot(HEARTBEAT_SLOT_EDEFAULT);
				return;
			case LockstepPackage.HOST__DATASTORES:
				getDatastores().clear();
				return;
			case LockstepPackage.HOST__VMS:
				getVms().clear();
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
			case LockstepPackage.HOST__ADDRESS:
				return ADDRESS_EDEFAULT == null ? address != null : !ADDRESS_EDEFAULT.equals(address);
			case LockstepPackage.HOST__CPUS:
				return cpus != CPUS_EDEFAULT;
			case LockstepPackage.HOST__MEMORY_MI_B:
				return memoryMiB != MEMORY_MI_B_EDEFAULT;
			case LockstepPackage.HOST__CONNECTION_STATE:
				return connectionState != CONNECTION_STATE_EDEFAULT;
			case LockstepPackage.HOST__HEARTBEAT_SLOT:
				return heartbeatSlot != HEARTBEAT_SLOT_EDEFAULT;
			case LockstepPackage.HOST__DATASTORES:
				return datastores != null && !datastores.isEmpty();
			case LockstepPackage.HOST__VMS:
				return vms != null && !vms.isEmpty();
			case LockstepPackage.HOST__COMMITTED_MEMORY_MI_B:
				return getCommittedMemoryMiB() != COMMITTED_MEMORY_MI_B_EDEFAULT;
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
		result.append(" (address: ");
		result.append(address);
		result.append(", cpus: ");
		result.append(cpus);
		result.append(", memoryMiB: ");
		result.append(memoryMiB);
		result.append(", connectionState: ");
		result.append(connectionState);
		result.append(", heartbeatSlot: ");
		result.append(heartbeatSlot);
		result.append(')');
		return result.toString();
	}

} //HostImpl
