/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.impl;

import io.lockstep.model.Host;
import io.lockstep.model.Lease;
import io.lockstep.model.LockMode;
import io.lockstep.model.LockstepPackage;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Lease</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.impl.LeaseImpl#getEntity <em>Entity</em>}</li>
 *   <li>{@link io.lockstep.model.impl.LeaseImpl#getOwner <em>Owner</em>}</li>
 *   <li>{@link io.lockstep.model.impl.LeaseImpl#getMode <em>Mode</em>}</li>
 *   <li>{@link io.lockstep.model.impl.LeaseImpl#getGeneration <em>Generation</em>}</li>
 *   <li>{@link io.lockstep.model.impl.LeaseImpl#getAcquiredAt <em>Acquired At</em>}</li>
 *   <li>{@link io.lockstep.model.impl.LeaseImpl#getHeartbeatAgeMillis <em>Heartbeat Age Millis</em>}</li>
 *   <li>{@link io.lockstep.model.impl.LeaseImpl#isOwnerLive <em>Owner Live</em>}</li>
 * </ul>
 *
 * @generated
 */
public class LeaseImpl extends MinimalEObjectImpl.Container implements Lease {
	/**
	 * The default value of the '{@link #getEntity() <em>Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEntity()
	 * @generated
	 * @ordered
	 */
	protected static final String ENTITY_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getEntity() <em>Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getEntity()
	 * @generated
	 * @ordered
	 */
	protected String entity = ENTITY_EDEFAULT;

	/**
	 * The cached value of the '{@link #getOwner() <em>Owner</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getOwner()
	 * @generated
	 * @ordered
	 */
	protected Host owner;

	/**
	 * The default value of the '{@link #getMode() <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMode()
	 * @generated
	 * @ordered
	 */
	protected static final LockMode MODE_EDEFAULT = LockMode.EXCLUSIVE;

	/**
	 * The cached value of the '{@link #getMode() <em>Mode</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getMode()
	 * @generated
	 * @ordered
	 */
	protected LockMode mode = MODE_EDEFAULT;

	/**
	 * The default value of the '{@link #getGeneration() <em>Generation</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGeneration()
	 * @generated
	 * @ordered
	 */
	protected static final long GENERATION_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getGeneration() <em>Generation</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getGeneration()
	 * @generated
	 * @ordered
	 */
	protected long generation = GENERATION_EDEFAULT;

	/**
	 * The default value of the '{@link #getAcquiredAt() <em>Acquired At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAcquiredAt()
	 * @generated
	 * @ordered
	 */
	protected static final long ACQUIRED_AT_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getAcquiredAt() <em>Acquired At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getAcquiredAt()
	 * @generated
	 * @ordered
	 */
	protected long acquiredAt = ACQUIRED_AT_EDEFAULT;

	/**
	 * The default value of the '{@link #getHeartbeatAgeMillis() <em>Heartbeat Age Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHeartbeatAgeMillis()
	 * @generated
	 * @ordered
	 */
	protected static final long HEARTBEAT_AGE_MILLIS_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getHeartbeatAgeMillis() <em>Heartbeat Age Millis</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getHeartbeatAgeMillis()
	 * @generated
	 * @ordered
	 */
	protected long heartbeatAgeMillis = HEARTBEAT_AGE_MILLIS_EDEFAULT;

	/**
	 * The default value of the '{@link #isOwnerLive() <em>Owner Live</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isOwnerLive()
	 * @generated
	 * @ordered
	 */
	protected static final boolean OWNER_LIVE_EDEFAULT = true;

	/**
	 * The cached value of the '{@link #isOwnerLive() <em>Owner Live</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isOwnerLive()
	 * @generated
	 * @ordered
	 */
	protected boolean ownerLive = OWNER_LIVE_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected LeaseImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LockstepPackage.Literals.LEASE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getEntity() {
		return entity;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setEntity(String newEntity) {
		String oldEntity = entity;
		entity = newEntity;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.LEASE__ENTITY, oldEntity, entity));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Host getOwner() {
		if (owner != null && owner.eIsProxy()) {
			InternalEObject oldOwner = (InternalEObject)owner;
			owner = (Host)eResolveProxy(oldOwner);
			if (owner != oldOwner) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, LockstepPackage.LEASE__OWNER, oldOwner, owner));
			}
		}
		return owner;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public Host basicGetOwner() {
		return owner;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setOwner(Host newOwner) {
		Host oldOwner = owner;
		owner = newOwner;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.LEASE__OWNER, oldOwner, owner));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public LockMode getMode() {
		return mode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setMode(LockMode newMode) {
		LockMode oldMode = mode;
		mode = newMode == null ? MODE_EDEFAULT : newMode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.LEASE__MODE, oldMode, mode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getGeneration() {
		return generation;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setGeneration(long newGeneration) {
		long oldGeneration = generation;
		generation = newGeneration;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.LEASE__GENERATION, oldGeneration, generation));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getAcquiredAt() {
		return acquiredAt;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setAcquiredAt(long newAcquiredAt) {
		long oldAcquiredAt = acquiredAt;
		acquiredAt = newAcquiredAt;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.LEASE__ACQUIRED_AT, oldAcquiredAt, acquiredAt));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getHeartbeatAgeMillis() {
		return heartbeatAgeMillis;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setHeartbeatAgeMillis(long newHeartbeatAgeMillis) {
		long oldHeartbeatAgeMillis = heartbeatAgeMillis;
		heartbeatAgeMillis = newHeartbeatAgeMillis;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.LEASE__HEARTBEAT_AGE_MILLIS, oldHeartbeatAgeMillis, heartbeatAgeMillis));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isOwnerLive() {
		return ownerLive;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setOwnerLive(boolean newOwnerLive) {
		boolean oldOwnerLive = ownerLive;
		ownerLive = newOwnerLive;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.LEASE__OWNER_LIVE, oldOwnerLive, ownerLive));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case LockstepPackage.LEASE__ENTITY:
				return getEntity();
			case LockstepPackage.LEASE__OWNER:
				if (resolve) return getOwner();
				return basicGetOwner();
			case LockstepPackage.LEASE__MODE:
				return getMode();
			case LockstepPackage.LEASE__GENERATION:
				return getGeneration();
			case LockstepPackage.LEASE__ACQUIRED_AT:
				return getAcquiredAt();
			case LockstepPackage.LEASE__HEARTBEAT_AGE_MILLIS:
				return getHeartbeatAgeMillis();
			case LockstepPackage.LEASE__OWNER_LIVE:
				return isOwnerLive();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case LockstepPackage.LEASE__ENTITY:
				setEntity((String)newValue);
				return;
			case LockstepPackage.LEASE__OWNER:
				setOwner((Host)newValue);
				return;
			case LockstepPackage.LEASE__MODE:
				setMode((LockMode)newValue);
				return;
			case LockstepPackage.LEASE__GENERATION:
				setGeneration((Long)newValue);
				return;
			case LockstepPackage.LEASE__ACQUIRED_AT:
				setAcquiredAt((Long)newValue);
				return;
			case LockstepPackage.LEASE__HEARTBEAT_AGE_MILLIS:
				setHeartbeatAgeMillis((Long)newValue);
				return;
			case LockstepPackage.LEASE__OWNER_LIVE:
				setOwnerLive((Boolean)newValue);
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
			case LockstepPackage.LEASE__ENTITY:
				setEntity(ENTITY_EDEFAULT);
				return;
			case LockstepPackage.LEASE__OWNER:
				setOwner((Host)null);
				return;
			case LockstepPackage.LEASE__MODE:
				setMode(MODE_EDEFAULT);
				return;
			case LockstepPackage.LEASE__GENERATION:
				setGeneration(GENERATION_EDEFAULT);
				return;
			case LockstepPackage.LEASE__ACQUIRED_AT:
				setAcquiredAt(ACQUIRED_AT_EDEFAULT);
				return;
			case LockstepPackage.LEASE__HEARTBEAT_AGE_MILLIS:
				setHeartbeatAgeMillis(HEARTBEAT_AGE_MILLIS_EDEFAULT);
				return;
			case LockstepPackage.LEASE__OWNER_LIVE:
				setOwnerLive(OWNER_LIVE_EDEFAULT);
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
			case LockstepPackage.LEASE__ENTITY:
				return ENTITY_EDEFAULT == null ? entity != null : !ENTITY_EDEFAULT.equals(entity);
			case LockstepPackage.LEASE__OWNER:
				return owner != null;
			case LockstepPackage.LEASE__MODE:
				return mode != MODE_EDEFAULT;
			case LockstepPackage.LEASE__GENERATION:
				return generation != GENERATION_EDEFAULT;
			case LockstepPackage.LEASE__ACQUIRED_AT:
				return acquiredAt != ACQUIRED_AT_EDEFAULT;
			case LockstepPackage.LEASE__HEARTBEAT_AGE_MILLIS:
				return heartbeatAgeMillis != HEARTBEAT_AGE_MILLIS_EDEFAULT;
			case LockstepPackage.LEASE__OWNER_LIVE:
				return ownerLive != OWNER_LIVE_EDEFAULT;
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
		result.append(" (entity: ");
		result.append(entity);
		result.append(", mode: ");
		result.append(mode);
		result.append(", generation: ");
		result.append(generation);
		result.append(", acquiredAt: ");
		result.append(acquiredAt);
		result.append(", heartbeatAgeMillis: ");
		result.append(heartbeatAgeMillis);
		result.append(", ownerLive: ");
		result.append(ownerLive);
		result.append(')');
		return result.toString();
	}

} //LeaseImpl
