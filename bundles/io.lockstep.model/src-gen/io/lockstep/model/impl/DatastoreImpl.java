/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.impl;

import io.lockstep.model.Datastore;
import io.lockstep.model.Host;
import io.lockstep.model.Lease;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.Registration;
import io.lockstep.model.Reservation;
import io.lockstep.model.VirtualDisk;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.EObjectContainmentWithInverseEList;
import org.eclipse.emf.ecore.util.EObjectWithInverseResolvingEList;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Datastore</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.impl.DatastoreImpl#getMediumUri <em>Medium Uri</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatastoreImpl#getCapacityBytes <em>Capacity Bytes</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatastoreImpl#getSectorSize <em>Sector Size</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatastoreImpl#getHosts <em>Hosts</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatastoreImpl#getDisks <em>Disks</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatastoreImpl#getLeases <em>Leases</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatastoreImpl#getRegistrations <em>Registrations</em>}</li>
 *   <li>{@link io.lockstep.model.impl.DatastoreImpl#getReservation <em>Reservation</em>}</li>
 * </ul>
 *
 * @generated
 */
public class DatastoreImpl extends NamedImpl implements Datastore {
	/**
	 * The default value of the '{@link #getMediumUri() <em>Medium Uri</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMediumUri()
	 * @generated
	 * @ordered
	 */
	protected static final String MEDIUM_URI_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getMediumUri() <em>Medium Uri</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMediumUri()
	 * @generated
	 * @ordered
	 */
	protected String mediumUri = MEDIUM_URI_EDEFAULT;

	/**
	 * The default value of the '{@link #getCapacityBytes() <em>Capacity Bytes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCapacityBytes()
	 * @generated
	 * @ordered
	 */
	protected static final long CAPACITY_BYTES_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getCapacityBytes() <em>Capacity Bytes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCapacityBytes()
	 * @generated
	 * @ordered
	 */
	protected long capacityBytes = CAPACITY_BYTES_EDEFAULT;

	/**
	 * The default value of the '{@link #getSectorSize() <em>Sector Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSectorSize()
	 * @generated
	 * @ordered
	 */
	protected static final int SECTOR_SIZE_EDEFAULT = 512;

	/**
	 * The cached value of the '{@link #getSectorSize() <em>Sector Size</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSectorSize()
	 * @generated
	 * @ordered
	 */
	protected int sectorSize = SECTOR_SIZE_EDEFAULT;

	/**
	 * The cached value of the '{@link #getHosts() <em>Hosts</em>}' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHosts()
	 * @generated
	 * @ordered
	 */
	protected EList<Host> hosts;

	/**
	 * The cached value of the '{@link #getDisks() <em>Disks</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDisks()
	 * @generated
	 * @ordered
	 */
	protected EList<VirtualDisk> disks;

	/**
	 * The cached value of the '{@link #getLeases() <em>Leases</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLeases()
	 * @generated
	 * @ordered
	 */
	protected EList<Lease> leases;

	/**
	 * The cached value of the '{@link #getRegistrations() <em>Registrations</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRegistrations()
	 * @generated
	 * @ordered
	 */
	protected EList<Registration> registrations;

	/**
	 * The cached value of the '{@link #getReservation() <em>Reservation</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getReservation()
	 * @generated
	 * @ordered
	 */
	protected Reservation reservation;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected DatastoreImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LockstepPackage.Literals.DATASTORE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getMediumUri() {
		return mediumUri;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMediumUri(String newMediumUri) {
		String oldMediumUri = mediumUri;
		mediumUri = newMediumUri;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.DATASTORE__MEDIUM_URI, oldMediumUri, mediumUri));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getCapacityBytes() {
		return capacityBytes;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCapacityBytes(long newCapacityBytes) {
		long oldCapacityBytes = capacityBytes;
		capacityBytes = newCapacityBytes;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.DATASTORE__CAPACITY_BYTES, oldCapacityBytes, capacityBytes));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getSectorSize() {
		return sectorSize;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSectorSize(int newSectorSize) {
		int oldSectorSize = sectorSize;
		sectorSize = newSectorSize;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.DATASTORE__SECTOR_SIZE, oldSectorSize, sectorSize));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Host> getHosts() {
		if (hosts == null) {
			hosts = new EObjectWithInverseResolvingEList.ManyInverse<Host>(Host.class, this, LockstepPackage.DATASTORE__HOSTS, LockstepPackage.HOST__DATASTORES);
		}
		return hosts;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<VirtualDisk> getDisks() {
		if (disks == null) {
			disks = new EObjectContainmentWithInverseEList<VirtualDisk>(VirtualDisk.class, this, LockstepPackage.DATASTORE__DISKS, LockstepPackage.VIRTUAL_DISK__DATASTORE);
		}
		return disks;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Lease> getLeases() {
		if (leases == null) {
			leases = new EObjectContainmentEList<Lease>(Lease.class, this, LockstepPackage.DATASTORE__LEASES);
		}
		return leases;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Registration> getRegistrations() {
		if (registrations == null) {
			registrations = new EObjectContainmentEList<Registration>(Registration.class, this, LockstepPackage.DATASTORE__REGISTRATIONS);
		}
		return registrations;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Reservation getReservation() {
		return reservation;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetReservation(Reservation newReservation, NotificationChain msgs) {
		Reservation oldReservation = reservation;
		reservation = newReservation;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, LockstepPackage.DATASTORE__RESERVATION, oldReservation, newReservation);
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
	public void setReservation(Reservation newReservation) {
		if (newReservation != reservation) {
			NotificationChain msgs = null;
			if (reservation != null)
				msgs = ((InternalEObject)reservation).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - LockstepPackage.DATASTORE__RESERVATION, null, msgs);
			if (newReservation != null)
				msgs = ((InternalEObject)newReservation).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - LockstepPackage.DATASTORE__RESERVATION, null, msgs);
			msgs = basicSetReservation(newReservation, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.DATASTORE__RESERVATION, newReservation, newReservation));
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
			case LockstepPackage.DATASTORE__HOSTS:
				return ((InternalEList<InternalEObject>)(InternalEList<?>)getHosts()).basicAdd(otherEnd, msgs);
			case LockstepPackage.DATASTORE__DISKS:
				return ((InternalEList<InternalEObject>)(InternalEList<?>)getDisks()).basicAdd(otherEnd, msgs);
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
			case LockstepPackage.DATASTORE__HOSTS:
				return ((InternalEList<?>)getHosts()).basicRemove(otherEnd, msgs);
			case LockstepPackage.DATASTORE__DISKS:
				return ((InternalEList<?>)getDisks()).basicRemove(otherEnd, msgs);
			case LockstepPackage.DATASTORE__LEASES:
				return ((InternalEList<?>)getLeases()).basicRemove(otherEnd, msgs);
			case LockstepPackage.DATASTORE__REGISTRATIONS:
				return ((InternalEList<?>)getRegistrations()).basicRemove(otherEnd, msgs);
			case LockstepPackage.DATASTORE__RESERVATION:
				return basicSetReservation(null, msgs);
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
			case LockstepPackage.DATASTORE__MEDIUM_URI:
				return getMediumUri();
			case LockstepPackage.DATASTORE__CAPACITY_BYTES:
				return getCapacityBytes();
			case LockstepPackage.DATASTORE__SECTOR_SIZE:
				return getSectorSize();
			case LockstepPackage.DATASTORE__HOSTS:
				return getHosts();
			case LockstepPackage.DATASTORE__DISKS:
				return getDisks();
			case LockstepPackage.DATASTORE__LEASES:
				return getLeases();
			case LockstepPackage.DATASTORE__REGISTRATIONS:
				return getRegistrations();
			case LockstepPackage.DATASTORE__RESERVATION:
				return getReservation();
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
			case LockstepPackage.DATASTORE__MEDIUM_URI:
				setMediumUri((String)newValue);
				return;
			case LockstepPackage.DATASTORE__CAPACITY_BYTES:
				setCapacityBytes((Long)newValue);
				return;
			case LockstepPackage.DATASTORE__SECTOR_SIZE:
				setSectorSize((Integer)newValue);
				return;
			case LockstepPackage.DATASTORE__HOSTS:
				getHosts().clear();
				getHosts().addAll((Collection<? extends Host>)newValue);
				return;
			case LockstepPackage.DATASTORE__DISKS:
				getDisks().clear();
				getDisks().addAll((Collection<? extends VirtualDisk>)newValue);
				return;
			case LockstepPackage.DATASTORE__LEASES:
				getLeases().clear();
				getLeases().addAll((Collection<? extends Lease>)newValue);
				return;
			case LockstepPackage.DATASTORE__REGISTRATIONS:
				getRegistrations().clear();
				getRegistrations().addAll((Collection<? extends Registration>)newValue);
				return;
			case LockstepPackage.DATASTORE__RESERVATION:
				setReservation((Reservation)newValue);
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
			case LockstepPackage.DATASTORE__MEDIUM_URI:
				setMediumUri(MEDIUM_URI_EDEFAULT);
				return;
			case LockstepPackage.DATASTORE__CAPACITY_BYTES:
				setCapacityBytes(CAPACITY_BYTES_EDEFAULT);
				return;
			case LockstepPackage.DATASTORE__SECTOR_SIZE:
				setSectorSize(SECTOR_SIZE_EDEFAULT);
				return;
			case LockstepPackage.DATASTORE__HOSTS:
				getHosts().clear();
				return;
			case LockstepPackage.DATASTORE__DISKS:
				getDisks().clear();
				return;
			case LockstepPackage.DATASTORE__LEASES:
				getLeases().clear();
				return;
			case LockstepPackage.DATASTORE__REGISTRATIONS:
				getRegistrations().clear();
				return;
			case LockstepPackage.DATASTORE__RESERVATION:
				setReservation((Reservation)null);
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
			case LockstepPackage.DATASTORE__MEDIUM_URI:
				return MEDIUM_URI_EDEFAULT == null ? mediumUri != null : !MEDIUM_URI_EDEFAULT.equals(mediumUri);
			case LockstepPackage.DATASTORE__CAPACITY_BYTES:
				return capacityBytes != CAPACITY_BYTES_EDEFAULT;
			case LockstepPackage.DATASTORE__SECTOR_SIZE:
				return sectorSize != SECTOR_SIZE_EDEFAULT;
			case LockstepPackage.DATASTORE__HOSTS:
				return hosts != null && !hosts.isEmpty();
			case LockstepPackage.DATASTORE__DISKS:
				return disks != null && !disks.isEmpty();
			case LockstepPackage.DATASTORE__LEASES:
				return leases != null && !leases.isEmpty();
			case LockstepPackage.DATASTORE__REGISTRATIONS:
				return registrations != null && !registrations.isEmpty();
			case LockstepPackage.DATASTORE__RESERVATION:
				return reservation != null;
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
		result.append(" (mediumUri: ");
		result.append(mediumUri);
		result.append(", capacityBytes: ");
		result.append(capacityBytes);
		result.append(", sectorSize: ");
		result.append(sectorSize);
		result.append(')');
		return result.toString();
	}

} //DatastoreImpl
